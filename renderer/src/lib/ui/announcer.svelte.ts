// Runs in: renderer.
//
// The words of a screen's polite live region (`<p class="sr-only" aria-live="polite">`). The
// same words twice in a row must still be spoken, so they are cleared, then set on the next frame.
export class Announcer {
  text = $state('');

  readonly say = (text: string): void => {
    this.text = '';
    requestAnimationFrame(() => (this.text = text));
  };
}
