// Runs in: renderer.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { askFirstScreenEarly } from './lib/codes/first-screen.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
askFirstScreenEarly();
mount(App, { target });
