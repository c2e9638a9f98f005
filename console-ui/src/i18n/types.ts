/** A translation must have every key of the English text, with strings in place of the literals. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
