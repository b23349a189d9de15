/**
 * The input itself is wrong (a definition with errors, a record line that is not JSON): the command
 * prints the message and exits 1. Messages name files, lines and columns, never the data in them.
 */
export class InputProblem extends Error {
  override readonly name = 'InputProblem';
}
