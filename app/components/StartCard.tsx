import { Card } from "./Card";
import { buttonClass } from "./styles";

/**
 * A panel that says what a step does and starts it with one button: a POST, because opening a
 * page changes nothing. `next` travels along as a hidden field when given.
 */
export function StartCard({
  note,
  action,
  label,
  next,
}: {
  note: string;
  action: (form: FormData) => Promise<void>;
  label: string;
  next?: string;
}) {
  return (
    <Card>
      <p className="text-ink">{note}</p>
      <form action={action} className="mt-5">
        {next !== undefined ? <input type="hidden" name="next" value={next} /> : null}
        <button type="submit" className={buttonClass("primary")}>
          {label}
        </button>
      </form>
    </Card>
  );
}
