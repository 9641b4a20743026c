/** The shown items: the loaded items after `transform`, `media-types`, `filter` and `sort`, kept until an input changes. */
import type { IgError } from '../api/errors.js';
import type { IgMedia } from '../api/model.js';
import { readFunction, readMediaKinds, type FeedSort } from './options.js';
import { TransformCache, filterItems, type IgFilter, type IgTransform } from './select.js';
import { sortItems } from './sort.js';

/** Feed settings that decide which items are shown, unchecked, as the element stores them. */
export interface ShownInputs {
  items: IgMedia[];
  transform: unknown;
  mediaTypes: string | undefined;
  filter: unknown;
  sort: FeedSort;
  seed: string;
}

export class ShownItems {
  private readonly transforms = new TransformCache();
  private inputs?: ShownInputs;
  private result: IgMedia[] = [];

  constructor(private readonly host: Element, private readonly report: (error: IgError) => void) {}

  /** Returns the shown items, computing them again only when an input changed; a failing page function fires one `ig-error`. */
  get(inputs: ShownInputs): IgMedia[] {
    const last = this.inputs;
    if (last && (Object.keys(inputs) as Array<keyof ShownInputs>).every((key) => inputs[key] === last[key])) return this.result;
    this.inputs = inputs;

    const transformed = this.transforms.apply(inputs.items, readFunction<IgTransform>(this.host, 'transform', inputs.transform));
    const kinds = readMediaKinds(this.host, inputs.mediaTypes);
    const filtered = filterItems(transformed.items, kinds, readFunction<IgFilter>(this.host, 'filter', inputs.filter));
    this.result = sortItems(filtered.items, inputs.sort, inputs.seed);
    if (transformed.error) this.report(transformed.error);
    if (filtered.error) this.report(filtered.error);
    return this.result;
  }
}
