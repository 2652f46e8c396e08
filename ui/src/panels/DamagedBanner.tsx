// A document whose pages failed the integrity check is shown read-only (the
// core refuses every write into it) under this banner, with the one way on:
// rescue what can be read into a new file.
import type { IntegrityView } from "../ipc/bindings";

export function DamagedBanner({ integrity, onRescue }: { integrity: IntegrityView; onRescue: () => void }) {
  if (integrity.state !== "damaged") return null;
  return (
    <div className="damaged-banner" role="alert" data-testid="damaged-banner">
      <strong>This document is damaged.</strong> {integrity.detail ?? "Some of its pages cannot be read."} It is open read-only, so nothing more can be lost.
      <button onClick={onRescue} data-testid="rescue">
        Rescue what can be read…
      </button>
    </div>
  );
}
