"use client";

import { useActionState } from "react";
import { FieldError } from "@/app/components/FieldError";
import { MatrixPad } from "@/app/components/matrix/MatrixPad";
import { DEFAULT_GRID } from "@/lib/matrix";
import { registerPatternAction, type PatternFormState } from "../actions";

export function PatternForm({ draft }: { draft: number[] | null }) {
  const [state, action, pending] = useActionState(registerPatternAction, {} as PatternFormState);
  return (
    <form action={action} className="space-y-4">
      <FieldError id="pattern-error" message={state.message} />
      <MatrixPad shape={DEFAULT_GRID} name="pattern" initialPattern={draft ?? undefined} disabled={pending} errorId={state.message ? "pattern-error" : undefined} />
    </form>
  );
}
