import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { type QrFormat, qrOptions } from "./qr.js";

/** Draws QR codes. */
export interface QrRenderer {
  /** The QR code of `text`, `size` pixels wide. @throws Error when the text is too long for a QR code */
  render(text: string, format: QrFormat, size: number): Promise<Buffer>;
}

/** Thrown when the drawing queue is full: the caller answers "busy" rather than queueing without bound. */
export class QrRendererBusyError extends Error {
  override readonly name = "QrRendererBusyError";
}

// Plain CommonJS, so the worker runs the same under tsx, vitest and the built package.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const QRCode = require(workerData.qrcode);
// On Linux a nice value is per thread: drawing yields the CPU to the thread serving redirects.
try { require("node:os").setPriority(10); } catch {}
parentPort.on("message", ({ id, text, format, options }) => {
  const drawn = format === "png"
    ? QRCode.toBuffer(text, { ...options, type: "png" })
    : QRCode.toString(text, { ...options, type: "svg" }).then((svg) => Buffer.from(svg, "utf8"));
  drawn.then(
    (image) => parentPort.postMessage({ id, image }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});`;

interface Answer {
  readonly id: number;
  readonly image?: Uint8Array;
  readonly error?: string;
}

interface Pending {
  resolve(image: Buffer): void;
  reject(error: Error): void;
}

/**
 * Draws QR codes on one worker thread, so a large PNG (tens of milliseconds of pure JavaScript) never holds
 * the event loop that serves redirects. The worker starts on the first request, keeps the process alive only
 * while drawing, and is started again if it dies; at most `maxQueued` drawings wait at once.
 */
export class WorkerQrRenderer implements QrRenderer {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly maxQueued = 64) {}

  render(text: string, format: QrFormat, size: number): Promise<Buffer> {
    if (this.pending.size >= this.maxQueued) {
      return Promise.reject(new QrRendererBusyError("Too many QR codes are being drawn."));
    }
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, text, format, options: qrOptions(size) });
    });
  }

  /** Stops the worker; drawings still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error("The QR renderer was closed."));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker !== undefined) return this.worker;
    const qrcode = createRequire(import.meta.url).resolve("qrcode");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { qrcode } });
    worker.unref();
    worker.on("message", (answer: Answer) => this.settle(answer));
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => this.lost(worker, new Error(`The QR worker exited (${code}).`)));
    this.worker = worker;
    return worker;
  }

  private settle({ id, image, error }: Answer): void {
    const waiting = this.pending.get(id);
    if (waiting === undefined) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    if (image === undefined) waiting.reject(new Error(error ?? "The QR code could not be drawn."));
    else waiting.resolve(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }
}
