// The window asks the canvas for things (a drop to place, a key to act on,
// boxes to select) by handing it a request object in its props. A request is
// an event, not a state: when the canvas is mounted again (another tab, the
// next map while presenting, a document reopened) the last request is still
// in the props, and acting on it again would add an element nobody asked
// for or select boxes the user left long ago. Each request is acted on once.
const taken = new WeakSet<object>();

/** True the first time a canvas asks about this request, false ever after. */
export function takeOnce<T extends object>(request: T | null | undefined): request is T {
  if (!request || taken.has(request)) return false;
  taken.add(request);
  return true;
}
