// Runs in: renderer (the palette page, palette.html).
import { mount } from 'svelte';
import '../app.css';
import Palette from './Palette.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('palette.html has no #app element');
mount(Palette, { target });
