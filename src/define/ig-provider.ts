/** Registers <ig-provider> alone, for pages that use only this element. */
import { IgProvider } from '../elements/ig-provider.js';

export { IgProvider };
IgProvider.define();
