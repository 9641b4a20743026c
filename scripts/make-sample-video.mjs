// Generates src/island/assets/sample.mp4, the clip the island serves for every video: two
// seconds of a dot crossing a colour fade, 320x320, VP9 in MP4 (royalty-free, and it plays in
// Chromium and Firefox). Chromium's MediaRecorder encodes it from a canvas, so no video tool is
// needed. Run: node scripts/make-sample-video.mjs (the output is committed; rerun only to change it).
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'src/island/assets/sample.mp4');
const executablePath = process.env.CHROME_PATH ?? execSync('command -v chromium', { encoding: 'utf8' }).trim();

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  const bytes = await page.evaluate(async () => {
    const type = 'video/mp4;codecs=vp9';
    if (!MediaRecorder.isTypeSupported(type)) throw new Error(`This Chromium cannot record ${type}.`);
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 320;
    const context = canvas.getContext('2d');
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: type, videoBitsPerSecond: 150_000 });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((done) => (recorder.onstop = done));
    recorder.start();
    const frames = 30;
    for (let frame = 0; frame <= frames; frame += 1) {
      const progress = frame / frames;
      context.fillStyle = `hsl(${200 + 80 * progress}, 60%, 45%)`;
      context.fillRect(0, 0, 320, 320);
      context.fillStyle = '#fff';
      context.beginPath();
      context.arc(60 + 200 * progress, 160, 30, 0, 2 * Math.PI);
      context.fill();
      await new Promise((done) => setTimeout(done, 66));
    }
    recorder.stop();
    await stopped;
    return Array.from(new Uint8Array(await new Blob(chunks, { type }).arrayBuffer()));
  });
  writeFileSync(output, Buffer.from(bytes));
  console.log(`wrote ${output} (${bytes.length} bytes)`);
} finally {
  await browser.close();
}
