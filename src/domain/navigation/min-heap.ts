/** A binary min-heap of (priority, id). */
export class MinHeap {
  private readonly keys: number[] = [];
  private readonly ids: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, id: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.ids[i] = this.ids[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }

  pop(): number {
    const top = this.ids[0]!;
    const lastKey = this.keys.pop()!;
    const lastId = this.ids.pop()!;
    const n = this.keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && this.keys[right]! < this.keys[left]! ? right : left;
        if (this.keys[child]! >= lastKey) break;
        this.keys[i] = this.keys[child]!;
        this.ids[i] = this.ids[child]!;
        i = child;
      }
      this.keys[i] = lastKey;
      this.ids[i] = lastId;
    }
    return top;
  }
}
