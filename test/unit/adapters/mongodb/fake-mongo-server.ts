import { createServer, type Server, type Socket } from "node:net";
import { BSON, type Document } from "mongodb";
import { afterEach, beforeEach } from "vitest";
import { mongoStores } from "../../../../src/adapters/mongodb/mongo-stores.js";
import type { StoreBundle } from "../../../../src/application/ports/store-bundle.js";

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

/**
 * A stand-in for a MongoDB server that speaks just enough of the wire protocol for the driver's handshake,
 * `createIndexes`, `ping` and `endSessions`: enough to test start-up, /readyz, losing the server and
 * getting it back. It stores nothing: `insert`, `update` and `delete` are acknowledged as if they wrote
 * nothing, and `find` finds nothing, unless a test scripts their replies (a failover error, say) with {@link reply}.
 */
export class FakeMongoServer {
  /** Every command received, in order, except the driver's handshakes and heartbeats. */
  readonly commands: Document[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private silent = false;
  private readonly scripted = new Map<string, Document[]>();

  get url(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  /** Listens, on the port of the previous start when there was one. */
  async start(): Promise<void> {
    const server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    const address = server.address();
    if (address !== null && typeof address === "object") this.port = address.port;
    this.server = server;
  }

  /** Answers the next `command`s (by name) with `replies`, one each, in order. */
  reply(command: string, ...replies: Document[]): void {
    this.scripted.set(command, [...(this.scripted.get(command) ?? []), ...replies]);
  }

  /** Keeps connections open but stops answering, as a server behind a dead network path does. */
  silence(): void {
    this.silent = true;
  }

  /** Drops every connection and stops listening, as a crashed server does. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server === undefined ? resolve() : this.server.close(() => resolve()),
    );
    this.server = undefined;
    this.silent = false;
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        const reply = this.answer(pending.subarray(0, length));
        pending = pending.subarray(length);
        if (reply !== null) socket.write(reply);
      }
    });
  }

  private answer(message: Buffer): Buffer | null {
    if (this.silent) return null;
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    if (opCode === OP_QUERY) {
      const nameEnd = message.indexOf(0, 20);
      const command = BSON.deserialize(message.subarray(nameEnd + 9));
      const body = Buffer.alloc(20);
      body.writeInt32LE(1, 16);
      return frame(requestId, OP_REPLY, Buffer.concat([body, BSON.serialize(this.respond(command))]));
    }
    if (opCode !== OP_MSG || message.readUInt8(20) !== 0) return null;
    const command = BSON.deserialize(message.subarray(21, 21 + message.readInt32LE(21)));
    return frame(requestId, OP_MSG, Buffer.concat([Buffer.alloc(5), BSON.serialize(this.respond(command))]));
  }

  private respond(command: Document): Document {
    const name = Object.keys(command)[0] ?? "";
    if (["hello", "ismaster", "isMaster"].includes(name)) return hello();
    this.commands.push(command);
    if (name === "ping" || name === "endSessions") return { ok: 1 };
    const scripted = this.scripted.get(name)?.shift();
    if (scripted !== undefined) return scripted;
    if (name === "createIndexes") return { ok: 1, createdCollectionAutomatically: false };
    if (name === "insert")
      return { ok: 1, n: Array.isArray(command.documents) ? command.documents.length : 0 };
    if (name === "update") return { ok: 1, n: 0, nModified: 0 };
    if (name === "delete") return { ok: 1, n: 0 };
    if (name === "find") {
      return { ok: 1, cursor: { id: BSON.Long.ZERO, ns: `${command.$db}.${command.find}`, firstBatch: [] } };
    }
    return {
      ok: 0,
      errmsg: `The fake server does not know '${name}'.`,
      code: 59,
      codeName: "CommandNotFound",
    };
  }
}

/** A fake server started before each test and stopped after it; stores `open` made are closed first. */
export function fakeServerPerTest(): { server: FakeMongoServer; open(url: string): Promise<StoreBundle> } {
  const server = new FakeMongoServer();
  const opened: StoreBundle[] = [];
  beforeEach(() => server.start());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((stores) => stores.close()));
    await server.stop();
  });
  const open = async (url: string) => {
    const stores = await mongoStores({ url });
    opened.push(stores);
    return stores;
  };
  return { server, open };
}

function hello(): Document {
  return {
    ismaster: true,
    isWritablePrimary: true,
    helloOk: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: 1,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

function frame(responseTo: number, opCode: number, body: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0);
  header.writeInt32LE(responseTo + 1, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, body]);
}
