/**
 * Which cards are on screen: a uniform grid over the laid-out chart answers
 * "what is inside this rectangle" without looking at every node, so culling
 * costs the same for a 100,000-unit chart as for a small one.
 */
import type { Bounds, NodePosition } from './layout.ts';

export interface SpatialGrid {
  /** Ids of the nodes whose boxes meet `box`, in layout order. */
  query(box: Bounds): string[];
  /** How many nodes meet `box`, stopping early once `limit` is passed. */
  countUpTo(box: Bounds, limit: number): number;
}

const CELL = 1024;

export function buildSpatialGrid(nodes: readonly NodePosition[]): SpatialGrid {
  const cells = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    const x0 = Math.floor((node.x - node.width / 2) / CELL);
    const x1 = Math.floor((node.x + node.width / 2) / CELL);
    const y0 = Math.floor((node.y - node.height / 2) / CELL);
    const y1 = Math.floor((node.y + node.height / 2) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = `${cx},${cy}`;
        let bucket = cells.get(key);
        if (!bucket) {
          bucket = [];
          cells.set(key, bucket);
        }
        bucket.push(i);
      }
    }
  });

  const meets = (node: NodePosition, box: Bounds) =>
    node.x + node.width / 2 >= box.minX && node.x - node.width / 2 <= box.maxX && node.y + node.height / 2 >= box.minY && node.y - node.height / 2 <= box.maxY;

  const visit = (box: Bounds, onHit: (index: number) => boolean) => {
    const x0 = Math.floor(box.minX / CELL);
    const x1 = Math.floor(box.maxX / CELL);
    const y0 = Math.floor(box.minY / CELL);
    const y1 = Math.floor(box.maxY / CELL);
    const seen = new Set<number>();
    // A box wider than the grid's own extent walks the buckets rather than empty cells.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > cells.size) {
      for (const [key, bucket] of cells) {
        const [cx = 0, cy = 0] = key.split(',').map(Number);
        if (cx < x0 || cx > x1 || cy < y0 || cy > y1) continue;
        for (const i of bucket) {
          if (seen.has(i)) continue;
          seen.add(i);
          if (meets(nodes[i] as NodePosition, box) && !onHit(i)) return;
        }
      }
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const i of cells.get(`${cx},${cy}`) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          if (meets(nodes[i] as NodePosition, box) && !onHit(i)) return;
        }
      }
    }
  };

  return {
    query(box) {
      const hits: number[] = [];
      visit(box, (i) => {
        hits.push(i);
        return true;
      });
      hits.sort((a, b) => a - b);
      return hits.map((i) => (nodes[i] as NodePosition).id);
    },
    countUpTo(box, limit) {
      let count = 0;
      visit(box, () => {
        count += 1;
        return count <= limit;
      });
      return count;
    },
  };
}
