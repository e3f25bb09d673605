// The same-run baseline of the desk bench: Hocuspocus as it comes, with no authentication,
// message checks or write-ahead, so the desk's own cost per keystroke can be read off.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.DESK_PORT ?? 0), address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`Give the desktops this address (bare Hocuspocus): http://127.0.0.1:${server.address.port}`);
