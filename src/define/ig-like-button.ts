/** Registers <ig-like-button> alone, for pages that use only this element. */
import { IgLikeButton } from '../elements/ig-like-button.js';

export { IgLikeButton };
IgLikeButton.define();
