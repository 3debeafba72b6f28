// TEMPORARY visual check page for the matrix components — delete after use.
import { MatrixPad } from "@/app/components/matrix/MatrixPad";
import { MatrixPreview } from "@/app/components/matrix/MatrixPreview";
import { containerClass } from "@/app/components/styles";
import { DEFAULT_GRID } from "@/lib/matrix";

export default function Page() {
  const draft = [3, 32, 3, 13, 46, 20, 7, 40, 11];
  return (
    <div className={`${containerClass} space-y-10 py-8`}>
      <h1 className="text-2xl font-bold">Matrix dev preview</h1>
      <form>
        <MatrixPad shape={DEFAULT_GRID} name="pattern" initialPattern={draft} />
      </form>
      <MatrixPreview shape={DEFAULT_GRID} pattern={draft} />
    </div>
  );
}
