// Runs in: renderer.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// How long the window waits for its first answers (asked by the preload: note "asked by the
// preload" in electron/preload/start-calls.ts) before it shows itself without them, when main
// is busy (a large import, say). With them here, an unlocked window's first frame has its codes.
const FIRST_ANSWERS_WAIT_MS = 100;

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
await Promise.race([window.authdesk.start.ready(), new Promise((resolve) => setTimeout(resolve, FIRST_ANSWERS_WAIT_MS))]);
mount(App, { target });
