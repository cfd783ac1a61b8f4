// Runs in: renderer.
//
// A Svelte action: the element takes focus as soon as it is shown, so the user can type at
// once. Used instead of the autofocus attribute, which browsers honour only on page load.
export function focusOnShow(node: HTMLElement, enabled: boolean): void {
  if (enabled) node.focus();
}
