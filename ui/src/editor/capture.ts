// The line typed as an element's name: `kind: name @owner`. The core reads
// it (previewCapture, captureName); these helpers only edit the text the
// person is typing and step through the core's lists. Tested in capture.test.ts.
import type { CapturePreview } from "../ipc/bindings";

/** What the picker chose beside the typed text: a listed person, another role. */
export type CaptureChoice = { personId?: string; role?: string };

/** Where the owner part starts: an `@` at the start or after a space (as the core reads it), or -1. */
export function ownerStart(line: string): number {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "@" && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/** The line with the owner part replaced by a person's whole name (Tab in the picker). */
export function withOwner(line: string, person: string): string {
  const at = ownerStart(line);
  return at < 0 ? `${line.trimEnd()} @${person}` : `${line.slice(0, at + 1)}${person}`;
}

/** The next role in the core's list after the current one (Ctrl+R), wrapping round. */
export function nextRole(preview: CapturePreview, current: string | undefined): string | undefined {
  const roles = preview.roles.map((r) => r.role);
  if (roles.length === 0) return current;
  const at = roles.indexOf(current ?? preview.owner?.role ?? "");
  return roles[(at + 1) % roles.length];
}

/** The short hint under the field: what Enter will do, in words; `chosen` is the picker's highlighted row, which Enter takes. */
export function captureSummary(preview: CapturePreview, chosen?: { personId: string | null; name: string }): string {
  const parts = [preview.kind_changed ? `${preview.kind_label} (kind changed)` : preview.kind_label];
  const owner = preview.owner && chosen ? { ...preview.owner, person_id: chosen.personId, name: chosen.name } : preview.owner;
  if (owner && owner.name.trim() !== "") {
    const who = owner.person_id ? owner.name : `${owner.name} (new person)`;
    parts.push(`owner ${who} as ${owner.role_label.toLowerCase()}`);
  }
  return parts.join(" · ");
}
