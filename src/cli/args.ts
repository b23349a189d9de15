import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** node:util's parseArgs, with its errors (an unknown option, a missing value) turned into UsageError. */
export const readArgs = <O extends Options>(args: readonly string[], options: O): Parsed<O> => {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error));
  }
};

/** The one definition file a command works on: none or several is a wrong command line. */
export const oneDefinitionFile = (positionals: readonly string[]): string => {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which form? Give one definition file' : 'give one definition file at a time');
  return positionals[0] as string;
};
