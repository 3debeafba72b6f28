"use client";

import { useActionState } from "react";
import { MatrixPad } from "@/app/components/matrix/MatrixPad";
import { registerPatternAction, type PatternFormState } from "../actions";

export function PatternForm({ draft }: { draft: number[] | null }) {
  const [state, action, pending] = useActionState(registerPatternAction, {} as PatternFormState);
  return (
    <form
      action={action}
      className={
        "space-y-4 " +
        // Presentation of the shared pad on this page. Below sm the grid reaches 6 px into the side
        // margins so each cell is at least 24 × 24 px at 320 px (WCAG 2.5.8); Undo and Clear keep
        // one line when the status message beside them is long.
        "max-sm:[&_[role=grid]]:-mx-1.5 max-sm:[&_[role=grid]]:w-auto [&_.flex-wrap]:shrink-0"
      }
    >
      <MatrixPad name="pattern" initialPattern={draft ?? undefined} disabled={pending} error={state.message} />
    </form>
  );
}
