import "reflect-metadata";
import { type DependencyContainer, instanceCachingFactory } from "tsyringe";

declare const carries: unique symbol;

/**
 * A container token that carries the type registered under it, so that registering a `Clock` where a
 * `LinkRepository` belongs, or resolving one as the other, fails to compile.
 */
export type Token<T> = symbol & { readonly [carries]?: T };

/** A typed lookup, as factories receive it. */
export type Get = <T>(token: Token<T>) => T;

/** A new token for values of type `T`; the name shows in tsyringe's errors. */
export const token = <T>(name: string): Token<T> => Symbol(name) as Token<T>;

/** The value registered under `token`. */
export const resolve = <T>(c: DependencyContainer, token: Token<T>): T => c.resolve<T>(token);

/** Registers a ready value under its token. */
export function registerValue<T>(c: DependencyContainer, token: Token<T>, value: T): void {
  c.register<T>(token, { useValue: value });
}

/** Registers a factory built once per container, from the other tokens it looks up. */
export function registerFactory<T>(c: DependencyContainer, token: Token<T>, make: (get: Get) => T): void {
  c.register<T>(token, { useFactory: instanceCachingFactory<T>((d) => make((t) => resolve(d, t))) });
}
