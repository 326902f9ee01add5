// What the import commands share: reading the file they were given and telling people about it.
import { readFile } from 'node:fs/promises';
import { CliUsageError } from './command.js';

export async function readImportFile(filePath: string): Promise<Buffer> {
  return readFile(filePath).catch(() => {
    throw new CliUsageError(`Cannot read the file ${filePath}`);
  });
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
