import { expect } from '@open-wc/testing';
import { MAX_FRAME_HEIGHT, readMeasure } from '../../src/embed/measure.js';

const ORIGIN = 'https://www.instagram.com';

function message(data: unknown, origin = ORIGIN, source: Window | null = window): MessageEvent {
  return new MessageEvent('message', { data, origin, source });
}

const measure = (height: unknown) => JSON.stringify({ type: 'MEASURE', details: { height } });

describe('readMeasure', () => {
  it('reads the height from the JSON string', () => {
    expect(readMeasure(message(measure(742)), ORIGIN, window)).to.equal(742);
    expect(readMeasure(message(measure(480.2)), ORIGIN, window), 'rounded up').to.equal(481);
  });

  it('rejects another origin', () => {
    for (const origin of ['https://instagram.com', 'http://www.instagram.com', 'https://www.instagram.com.example.test', 'null', '']) {
      expect(readMeasure(message(measure(500), origin), ORIGIN, window), origin).to.equal(undefined);
    }
  });

  it('rejects another source window', () => {
    const other = document.createElement('iframe');
    document.body.append(other);
    try {
      expect(readMeasure(message(measure(500), ORIGIN, other.contentWindow), ORIGIN, window)).to.equal(undefined);
      expect(readMeasure(message(measure(500), ORIGIN, null), ORIGIN, window)).to.equal(undefined);
      expect(readMeasure(message(measure(500)), ORIGIN, null), 'no frame yet').to.equal(undefined);
    } finally {
      other.remove();
    }
  });

  it('ignores data that is not a MEASURE string', () => {
    const cases: unknown[] = [
      { type: 'MEASURE', details: { height: 500 } },
      'not json',
      '{"type":"MEASURE"',
      'null',
      '42',
      JSON.stringify({ type: 'LOADED', details: { height: 500 } }),
      JSON.stringify({ type: 'MEASURE' }),
      JSON.stringify({ type: 'MEASURE', details: null }),
      measure('500'),
      measure(0),
      measure(-10),
      measure(null),
      `{"type":"MEASURE","details":{"height":1e999}}`,
      measure(500) + ' '.repeat(10_000),
    ];
    for (const data of cases) {
      expect(readMeasure(message(data), ORIGIN, window), String(data).slice(0, 60)).to.equal(undefined);
    }
  });

  it('clamps a huge height', () => {
    expect(readMeasure(message(measure(1e9)), ORIGIN, window)).to.equal(MAX_FRAME_HEIGHT);
  });
});
