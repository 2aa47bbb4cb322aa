/** A message on the in-process bus: the topic it was published to and its data (one row). */
export interface MemoryMessage {
  readonly topic: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * In-process pub/sub between rules (eKuiper's memory connector). Topic filters follow MQTT wildcards:
 * `+` matches one level, `#` (last) matches any remaining levels.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/builtin/memory.html
 */
export class MemoryBus {
  private readonly subscribers = new Set<{ filter: string[]; listener: (m: MemoryMessage) => void }>();

  /** Subscribes `listener` to `filter`. Returns the unsubscribe function. */
  subscribe(filter: string, listener: (message: MemoryMessage) => void): () => void {
    const entry = { filter: filter.split('/'), listener };
    this.subscribers.add(entry);
    return () => this.subscribers.delete(entry);
  }

  /** Delivers `data` synchronously to every subscriber whose filter matches `topic`. */
  publish(topic: string, data: Readonly<Record<string, unknown>>): void {
    const levels = topic.split('/');
    for (const s of [...this.subscribers]) if (matches(s.filter, levels)) s.listener({ topic, data });
  }
}

function matches(filter: readonly string[], levels: readonly string[]): boolean {
  for (let i = 0; i < filter.length; i++) {
    const f = filter[i];
    if (f === '#') return true;
    if (i >= levels.length) return false;
    if (f !== '+' && f !== levels[i]) return false;
  }
  return filter.length === levels.length;
}
