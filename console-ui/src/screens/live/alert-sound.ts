/**
 * The optional sound for urgent events: two short tones made with Web Audio (no file to load).
 * Browsers let a page play sound only after a person has interacted with it, so the audio
 * context is created or resumed on the teacher's click (switching the sound on, or any later
 * click or key press).
 */
let context: AudioContext | null = null;

export function unlockSound(): void {
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume();
}

export function playUrgentTone(): void {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(880, start);
  oscillator.frequency.setValueAtTime(660, start + 0.18);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.setValueAtTime(0.25, start + 0.32);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + 0.5);
}

const STORAGE_KEY = 'waymark.live.sound';

export function savedSoundPreference(): boolean {
  return globalThis.localStorage?.getItem(STORAGE_KEY) === 'on';
}

export function saveSoundPreference(on: boolean): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, on ? 'on' : 'off');
}
