/**
 * The demo's "try these images": simple objects drawn with the canvas 2D API, so that the demo ships
 * pictures it owns instead of photos. The "random" texture is seeded, so a drawing comes out the same on
 * every load. Each one was kept because the model puts its `label` in the top 5 (e2e/demo.spec.ts checks
 * that in Chromium); the model learned from photos, so other browsers may rank them differently.
 */

import { seededRandom } from '../util/seeded-random';

/** One drawing of the strip. */
export interface Drawing {
  /** Stable id, used for the button's `data-drawing`. */
  id: string;
  /** What the drawing shows, as the button's visible text. */
  name: string;
  /** The ImageNet display label the drawing is meant to look like (see public/model/labels.json). */
  label: string;
  draw(ctx: CanvasRenderingContext2D, size: number): void;
}

/** Side of the drawn canvases in pixels: sharp at the strip's 88 CSS px on 2× screens. The model sees them at 96×96. */
export const DRAWING_SIZE = 192;

/** Draws a drawing on a new square canvas. */
export function renderDrawing(drawing: Drawing, size = DRAWING_SIZE): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a <canvas> (no 2D context).');
  drawing.draw(ctx, size);
  return canvas;
}

function fillBackground(ctx: CanvasRenderingContext2D, s: number, top: string, bottom: string): void {
  const gradient = ctx.createLinearGradient(0, 0, 0, s);
  gradient.addColorStop(0, top);
  gradient.addColorStop(1, bottom);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, s, s);
}

/** A sphere's shading: light from the upper left. */
function sphereGradient(
  ctx: CanvasRenderingContext2D,
  cx: number,
  cy: number,
  r: number,
  stops: [number, string][],
): CanvasGradient {
  const gradient = ctx.createRadialGradient(cx - r * 0.35, cy - r * 0.4, r * 0.05, cx, cy, r);
  for (const [at, colour] of stops) gradient.addColorStop(at, colour);
  return gradient;
}

/** Small dots inside a circle: fuzz, pores or speckle. */
function speckle(
  ctx: CanvasRenderingContext2D,
  cx: number,
  cy: number,
  r: number,
  count: number,
  colour: string,
  dot: number,
  seed: number,
): void {
  const random = seededRandom(seed);
  ctx.fillStyle = colour;
  for (let i = 0; i < count; i++) {
    const angle = random() * Math.PI * 2;
    const distance = Math.sqrt(random()) * r;
    ctx.beginPath();
    ctx.arc(cx + Math.cos(angle) * distance, cy + Math.sin(angle) * distance, dot * (0.5 + random()), 0, Math.PI * 2);
    ctx.fill();
  }
}

function softShadow(ctx: CanvasRenderingContext2D, cx: number, cy: number, rx: number, ry: number): void {
  ctx.fillStyle = 'rgba(0, 0, 0, 0.22)';
  ctx.beginPath();
  ctx.ellipse(cx, cy, rx, ry, 0, 0, Math.PI * 2);
  ctx.fill();
}

const tennisBall: Drawing = {
  id: 'tennis-ball',
  name: 'Tennis ball',
  label: 'tennis ball',
  draw(ctx, s) {
    fillBackground(ctx, s, '#2f6b9a', '#24557d');
    const [cx, cy, r] = [s / 2, s / 2, s * 0.4];
    softShadow(ctx, cx + r * 0.15, cy + r * 0.95, r * 0.8, r * 0.18);
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.clip();
    ctx.fillStyle = sphereGradient(ctx, cx, cy, r, [
      [0, '#efff7a'],
      [0.5, '#c9e62c'],
      [1, '#6f8c12'],
    ]);
    ctx.fillRect(0, 0, s, s);
    speckle(ctx, cx, cy, r, 1500, 'rgba(250, 255, 200, 0.3)', s / 220, 7);
    speckle(ctx, cx, cy, r, 800, 'rgba(90, 110, 0, 0.2)', s / 260, 8);
    // The seam: two arcs of circles centred outside the ball, facing each other.
    ctx.strokeStyle = '#f7f7ee';
    ctx.lineWidth = s * 0.035;
    ctx.beginPath();
    ctx.arc(cx - r * 1.15, cy, r * 0.8, -Math.PI / 2.2, Math.PI / 2.2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(cx + r * 1.15, cy, r * 0.8, Math.PI - Math.PI / 2.2, Math.PI + Math.PI / 2.2);
    ctx.stroke();
    ctx.restore();
  },
};

const golfBall: Drawing = {
  id: 'golf-ball',
  name: 'Golf ball',
  label: 'golf ball',
  draw(ctx, s) {
    fillBackground(ctx, s, '#5e9f45', '#3f7a2c');
    const blades = seededRandom(11);
    ctx.strokeStyle = 'rgba(30, 70, 20, 0.5)';
    ctx.lineWidth = 1;
    for (let i = 0; i < 400; i++) {
      const x = blades() * s;
      const y = blades() * s;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + (blades() - 0.5) * 4, y - 4 - blades() * 6);
      ctx.stroke();
    }
    const [cx, cy, r] = [s / 2, s * 0.47, s * 0.34];
    softShadow(ctx, cx + r * 0.2, cy + r * 0.95, r * 0.85, r * 0.2);
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.clip();
    ctx.fillStyle = sphereGradient(ctx, cx, cy, r, [
      [0, '#ffffff'],
      [0.6, '#e8e8e8'],
      [1, '#a9a9a9'],
    ]);
    ctx.fillRect(0, 0, s, s);
    // Dimples on a hexagonal grid, foreshortened towards the rim as on a sphere.
    const step = r * 0.2;
    for (let row = -6; row <= 6; row++) {
      for (let col = -6; col <= 6; col++) {
        const x = (col + (row % 2 ? 0.5 : 0)) * step;
        const y = row * step * 0.87;
        const d = Math.hypot(x, y) / r;
        if (d > 0.97) continue;
        const depth = Math.sqrt(1 - d * d);
        ctx.fillStyle = `rgba(120, 120, 120, ${0.35 + 0.2 * (1 - depth)})`;
        ctx.beginPath();
        ctx.ellipse(cx + x, cy + y, step * 0.36 * (0.4 + 0.6 * depth), step * 0.36, Math.atan2(y, x), 0, Math.PI * 2);
        ctx.fill();
      }
    }
    ctx.restore();
  },
};

const trafficLight: Drawing = {
  id: 'traffic-light',
  name: 'Traffic light',
  label: 'traffic light',
  draw(ctx, s) {
    fillBackground(ctx, s, '#8ec5ec', '#dceffa');
    ctx.fillStyle = '#4a4a4a';
    ctx.fillRect(s * 0.47, s * 0.8, s * 0.06, s * 0.2);
    const [x, y, w, h] = [s * 0.33, s * 0.08, s * 0.34, s * 0.74];
    ctx.fillStyle = '#262626';
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, s * 0.05);
    ctx.fill();
    const lamps: [string, string][] = [
      ['#ff2b1c', '#ffd2c8'],
      ['#4d3d0c', '#4d3d0c'],
      ['#0f3b1c', '#0f3b1c'],
    ];
    lamps.forEach(([colour, core], i) => {
      const lx = s / 2;
      const ly = y + h * (0.18 + i * 0.32);
      const lr = w * 0.33;
      // Visor above each lamp.
      ctx.fillStyle = '#121212';
      ctx.beginPath();
      ctx.arc(lx, ly, lr * 1.25, Math.PI, 0);
      ctx.fill();
      const glow = ctx.createRadialGradient(lx, ly, lr * 0.1, lx, ly, lr);
      glow.addColorStop(0, core);
      glow.addColorStop(1, colour);
      ctx.fillStyle = glow;
      ctx.beginPath();
      ctx.arc(lx, ly, lr, 0, Math.PI * 2);
      ctx.fill();
    });
  },
};

const orange: Drawing = {
  id: 'orange',
  name: 'Orange',
  label: 'orange',
  draw(ctx, s) {
    fillBackground(ctx, s, '#f6f1e7', '#e4dccb');
    const [cx, cy, r] = [s / 2, s * 0.53, s * 0.38];
    softShadow(ctx, cx + r * 0.1, cy + r * 0.95, r * 0.85, r * 0.16);
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.clip();
    ctx.fillStyle = sphereGradient(ctx, cx, cy, r, [
      [0, '#ffc15a'],
      [0.5, '#f58a07'],
      [1, '#b85300'],
    ]);
    ctx.fillRect(0, 0, s, s);
    speckle(ctx, cx, cy, r, 700, 'rgba(150, 60, 0, 0.25)', s / 300, 3);
    speckle(ctx, cx, cy, r, 300, 'rgba(255, 220, 160, 0.3)', s / 320, 5);
    ctx.restore();
    // Stem and leaf.
    ctx.fillStyle = '#6b4a1e';
    ctx.beginPath();
    ctx.arc(cx, cy - r * 0.96, s * 0.018, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#3f8a2c';
    ctx.beginPath();
    ctx.ellipse(cx + s * 0.07, cy - r * 1.02, s * 0.08, s * 0.03, -0.35, 0, Math.PI * 2);
    ctx.fill();
  },
};

const lemon: Drawing = {
  id: 'lemon',
  name: 'Lemon',
  label: 'lemon',
  draw(ctx, s) {
    fillBackground(ctx, s, '#f3f3f0', '#dcdcd6');
    const [cx, cy] = [s / 2, s / 2];
    const [rx, ry] = [s * 0.4, s * 0.27];
    softShadow(ctx, cx + rx * 0.05, cy + ry * 1.1, rx * 0.85, ry * 0.22);
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(-0.25);
    // An ellipse with a pointed nub at each end.
    ctx.beginPath();
    ctx.moveTo(-rx, 0);
    ctx.bezierCurveTo(-rx * 0.85, -ry * 1.35, rx * 0.85, -ry * 1.35, rx, 0);
    ctx.bezierCurveTo(rx * 0.85, ry * 1.35, -rx * 0.85, ry * 1.35, -rx, 0);
    ctx.closePath();
    const gradient = ctx.createRadialGradient(-rx * 0.3, -ry * 0.4, 2, 0, 0, rx);
    gradient.addColorStop(0, '#fffa9e');
    gradient.addColorStop(0.55, '#f7dc16');
    gradient.addColorStop(1, '#c9a400');
    ctx.fillStyle = gradient;
    ctx.fill();
    // The nubs at both ends that tell a lemon from a yellow egg.
    ctx.beginPath();
    ctx.ellipse(rx * 0.98, 0, s * 0.05, s * 0.04, 0, 0, Math.PI * 2);
    ctx.ellipse(-rx * 0.98, 0, s * 0.035, s * 0.03, 0, 0, Math.PI * 2);
    ctx.fillStyle = '#d9bb05';
    ctx.fill();
    speckle(ctx, 0, 0, rx * 0.95, 600, 'rgba(160, 130, 0, 0.22)', s / 320, 9);
    ctx.restore();
  },
};

const checkerboard: Drawing = {
  id: 'checkerboard',
  name: 'Checkerboard',
  label: 'crossword puzzle',
  draw(ctx, s) {
    const n = 8;
    const cell = s / n;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        ctx.fillStyle = (row + col) % 2 ? '#1b1b1b' : '#f2f2f2';
        ctx.fillRect(col * cell, row * cell, cell, cell);
      }
    }
  },
};

const streetSign: Drawing = {
  id: 'stop-sign',
  name: 'Stop sign',
  label: 'street sign',
  draw(ctx, s) {
    fillBackground(ctx, s, '#7fb9e6', '#cde6f7');
    ctx.fillStyle = '#8a8f94';
    ctx.fillRect(s * 0.475, s * 0.5, s * 0.05, s * 0.5);
    const [cx, cy] = [s / 2, s * 0.42];
    const octagon = (r: number) => {
      ctx.beginPath();
      for (let i = 0; i < 8; i++) {
        const angle = Math.PI / 8 + (i * Math.PI) / 4;
        ctx.lineTo(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
      }
      ctx.closePath();
    };
    ctx.fillStyle = '#ffffff';
    octagon(s * 0.36);
    ctx.fill();
    ctx.fillStyle = '#c8102e';
    octagon(s * 0.33);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold ${Math.round(s * 0.17)}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('STOP', cx, cy + s * 0.01, s * 0.56);
  },
};

const analogClock: Drawing = {
  id: 'clock',
  name: 'Wall clock',
  label: 'analog clock',
  draw(ctx, s) {
    fillBackground(ctx, s, '#e9e2d4', '#d8cfbd');
    const [cx, cy, r] = [s / 2, s / 2, s * 0.42];
    ctx.fillStyle = '#2d2d2d';
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#fbfbf8';
    ctx.beginPath();
    ctx.arc(cx, cy, r * 0.9, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = '#1a1a1a';
    for (let i = 0; i < 60; i++) {
      const angle = (i * Math.PI) / 30;
      const inner = i % 5 ? r * 0.8 : r * 0.7;
      ctx.lineWidth = i % 5 ? 1 : s * 0.02;
      ctx.beginPath();
      ctx.moveTo(cx + Math.cos(angle) * inner, cy + Math.sin(angle) * inner);
      ctx.lineTo(cx + Math.cos(angle) * r * 0.86, cy + Math.sin(angle) * r * 0.86);
      ctx.stroke();
    }
    const hand = (turns: number, length: number, width: number, colour: string) => {
      const angle = turns * Math.PI * 2 - Math.PI / 2;
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(cx - Math.cos(angle) * length * 0.15, cy - Math.sin(angle) * length * 0.15);
      ctx.lineTo(cx + Math.cos(angle) * length, cy + Math.sin(angle) * length);
      ctx.stroke();
    };
    // Ten past ten, as in every clock advertisement.
    hand(10 / 12 + 10 / 720, r * 0.5, s * 0.04, '#1a1a1a');
    hand(10 / 60, r * 0.75, s * 0.025, '#1a1a1a');
    hand(40 / 60, r * 0.8, s * 0.008, '#c8102e');
  },
};

const maze: Drawing = {
  id: 'maze',
  name: 'Hedge maze',
  label: 'maze',
  draw(ctx, s) {
    const n = 10;
    const cell = s / (n + 0.4);
    const origin = (s - cell * n) / 2;
    // Gravel paths between hedges, seen from above, as in most maze photos.
    ctx.fillStyle = '#d8c9a3';
    ctx.fillRect(0, 0, s, s);
    speckle(ctx, s / 2, s / 2, s * 0.75, 1500, 'rgba(120, 100, 60, 0.25)', s / 300, 21);
    // Depth-first carving from a seeded generator: walls[y][x] = [right, bottom] still standing.
    const random = seededRandom(42);
    const visited = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
    const walls = Array.from({ length: n }, () => Array.from({ length: n }, () => [true, true]));
    const stack: [number, number][] = [[0, 0]];
    visited[0][0] = true;
    while (stack.length) {
      const [x, y] = stack[stack.length - 1];
      const next = (
        [
          [x + 1, y],
          [x - 1, y],
          [x, y + 1],
          [x, y - 1],
        ] as [number, number][]
      ).filter(([nx, ny]) => nx >= 0 && ny >= 0 && nx < n && ny < n && !visited[ny][nx]);
      if (!next.length) {
        stack.pop();
        continue;
      }
      const [nx, ny] = next[Math.floor(random() * next.length)];
      if (nx !== x) walls[y][Math.min(x, nx)][0] = false;
      else walls[Math.min(y, ny)][x][1] = false;
      visited[ny][nx] = true;
      stack.push([nx, ny]);
    }
    const hedges = new Path2D();
    const line = (x0: number, y0: number, x1: number, y1: number) => {
      hedges.moveTo(origin + x0 * cell, origin + y0 * cell);
      hedges.lineTo(origin + x1 * cell, origin + y1 * cell);
    };
    line(0, 0, n, 0);
    line(n, 0, n, n);
    line(n, n, 0, n);
    line(0, n, 0, 0);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const [right, bottom] = walls[y][x];
        if (right && x < n - 1) line(x + 1, y, x + 1, y + 1);
        if (bottom && y < n - 1) line(x, y + 1, x + 1, y + 1);
      }
    }
    ctx.lineCap = 'square';
    ctx.lineWidth = cell * 0.5;
    ctx.strokeStyle = '#234d1c';
    ctx.stroke(hedges);
    ctx.lineWidth = cell * 0.36;
    ctx.strokeStyle = '#3f7d2e';
    ctx.stroke(hedges);
  },
};

const honeycomb: Drawing = {
  id: 'honeycomb',
  name: 'Honeycomb',
  label: 'honeycomb',
  draw(ctx, s) {
    ctx.fillStyle = '#7a4a08';
    ctx.fillRect(0, 0, s, s);
    const r = s / 11;
    const w = Math.sqrt(3) * r;
    const random = seededRandom(5);
    for (let row = -1; row * r * 1.5 < s + r; row++) {
      for (let col = -1; col * w < s + w; col++) {
        const cx = col * w + (row % 2 ? w / 2 : 0);
        const cy = row * r * 1.5;
        const inner = r * 0.82;
        ctx.beginPath();
        for (let i = 0; i < 6; i++) {
          const angle = Math.PI / 6 + (i * Math.PI) / 3;
          ctx.lineTo(cx + inner * Math.cos(angle), cy + inner * Math.sin(angle));
        }
        ctx.closePath();
        const gradient = ctx.createRadialGradient(cx - inner * 0.3, cy - inner * 0.3, 1, cx, cy, inner);
        const full = random() > 0.3;
        gradient.addColorStop(0, full ? '#ffd45c' : '#e8b040');
        gradient.addColorStop(1, full ? '#e09b12' : '#a86a0a');
        ctx.fillStyle = gradient;
        ctx.fill();
      }
    }
  },
};

const strawberry: Drawing = {
  id: 'strawberry',
  name: 'Strawberry',
  label: 'strawberry',
  draw(ctx, s) {
    fillBackground(ctx, s, '#f7f4ee', '#e6e0d4');
    const [cx, top, bottom] = [s / 2, s * 0.24, s * 0.9];
    const w = s * 0.36;
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(cx, bottom);
    ctx.bezierCurveTo(cx - w * 0.6, bottom - s * 0.12, cx - w * 1.15, top + s * 0.2, cx - w * 0.8, top + s * 0.02);
    ctx.bezierCurveTo(cx - w * 0.4, top - s * 0.06, cx + w * 0.4, top - s * 0.06, cx + w * 0.8, top + s * 0.02);
    ctx.bezierCurveTo(cx + w * 1.15, top + s * 0.2, cx + w * 0.6, bottom - s * 0.12, cx, bottom);
    ctx.closePath();
    const gradient = ctx.createRadialGradient(cx - w * 0.3, top + s * 0.15, 2, cx, top + s * 0.25, w * 1.2);
    gradient.addColorStop(0, '#ff5a5a');
    gradient.addColorStop(0.6, '#d7141e');
    gradient.addColorStop(1, '#8f0a12');
    ctx.fillStyle = gradient;
    ctx.fill();
    ctx.clip();
    // Seeds on a staggered grid.
    const step = s * 0.06;
    for (let y = top; y < bottom; y += step) {
      for (let x = cx - w * 1.2 + ((y / step) % 2 ? step / 2 : 0); x < cx + w * 1.2; x += step) {
        ctx.fillStyle = '#f3d34a';
        ctx.beginPath();
        ctx.ellipse(x, y, s * 0.008, s * 0.014, 0, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    ctx.restore();
    // Sepals.
    ctx.fillStyle = '#2f8a2a';
    for (let i = 0; i < 6; i++) {
      const angle = Math.PI + (i * Math.PI) / 5;
      ctx.beginPath();
      ctx.ellipse(
        cx + Math.cos(angle) * w * 0.35,
        top + Math.sin(angle) * s * 0.02,
        s * 0.09,
        s * 0.025,
        angle,
        0,
        Math.PI * 2,
      );
      ctx.fill();
    }
  },
};

/** Every drawing, in the order of the strip. */
export const DRAWINGS: readonly Drawing[] = [
  tennisBall,
  golfBall,
  orange,
  lemon,
  strawberry,
  trafficLight,
  streetSign,
  analogClock,
  checkerboard,
  maze,
  honeycomb,
];
