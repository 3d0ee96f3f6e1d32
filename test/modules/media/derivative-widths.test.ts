import { describe, expect, it } from 'vitest';
import { derivativeWidthsFor } from '../../../src/modules/media/media.js';

describe('derivative widths', () => {
  it('makes every step below the image, its own width where no step is close, and never upscales', () => {
    expect(derivativeWidthsFor(100)).toEqual([100]);
    expect(derivativeWidthsFor(400)).toEqual([160, 320, 400]);
    expect(derivativeWidthsFor(600)).toEqual([160, 320, 480, 600]);
    expect(derivativeWidthsFor(960)).toEqual([160, 320, 480, 640, 800, 960]);
    expect(derivativeWidthsFor(1200)).toEqual([160, 320, 480, 640, 800, 960]);
    expect(derivativeWidthsFor(1400)).toEqual([160, 320, 480, 640, 800, 960, 1400]);
    expect(derivativeWidthsFor(4000)).toEqual([160, 320, 480, 640, 800, 960, 1600]);
  });
});
