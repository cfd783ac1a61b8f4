// Runs in: sandbox (benchmarks read it; never shipped).
//
// How long the sandbox spent handling requests and RPC frames, so a login benchmark can set
// the client's own time beside the server's from the same run.

export class HandlingTime {
  #totalMs = 0;
  #count = 0;

  /** Times `work` and adds it to the total. */
  async measure(work: () => Promise<void>): Promise<void> {
    const start = performance.now();
    try {
      await work();
    } finally {
      this.#totalMs += performance.now() - start;
      this.#count += 1;
    }
  }

  /** Milliseconds spent and requests handled since the last reset. */
  snapshot(): { readonly ms: number; readonly count: number } {
    return { ms: this.#totalMs, count: this.#count };
  }

  reset(): void {
    this.#totalMs = 0;
    this.#count = 0;
  }
}
