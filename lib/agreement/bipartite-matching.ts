/**
 * Maximum bipartite matching by augmenting paths (Kuhn's algorithm), used to
 * pair overlapping spans one-to-one. O(V·E), fine for the spans of one label
 * in one document.
 */

/** Size of a maximum matching; `adjacency[u]` lists the right-hand vertices u may pair with. Iterative, so deep paths cannot overflow the stack. */
export function maximumMatching(adjacency: readonly (readonly number[])[], rightCount: number): number {
  const partner = new Int32Array(rightCount).fill(-1);
  let size = 0;
  for (let root = 0; root < adjacency.length; root++) {
    if (adjacency[root].length === 0) continue;
    const seen = new Uint8Array(rightCount);
    const path = [root]; // left vertices on the current alternating path
    const next = [0]; // per depth: the next adjacency position to try
    const via: number[] = []; // per depth: the right vertex taken from path[d]
    while (path.length > 0) {
      const d = path.length - 1;
      const u = path[d];
      if (next[d] >= adjacency[u].length) {
        path.pop();
        next.pop();
        continue;
      }
      const v = adjacency[u][next[d]++];
      if (seen[v]) continue;
      seen[v] = 1;
      via[d] = v;
      if (partner[v] === -1) {
        for (let k = 0; k <= d; k++) partner[via[k]] = path[k];
        size++;
        break;
      }
      path.push(partner[v]);
      next.push(0);
    }
  }
  return size;
}
