/** Registers <ig-feed> alone, for pages that use only this element. */
import { IgFeed } from '../elements/ig-feed.js';

export { IgFeed };
IgFeed.define();
