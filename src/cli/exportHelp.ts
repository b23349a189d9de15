/** The whole text of `formloom export --help`. */
export const exportHelp = `formloom export: write records as a masked CSV, XLSX or JSON Lines file

Usage: formloom export --form <definition.json> --in <records.jsonl> [options]

Reads the records one line at a time (each line a FormRecord or a plain values object; blank lines
are skipped) and writes them as the form's exporter does: columns the role may read, in definition
order, masked by the policy. Memory stays flat whatever the number of records.

Options:
  --form <file>         the form definition (JSON); required
  --in <file>           the records, JSON Lines; '-' reads stdin; required
  -o, --output <path>   the file to write. An existing directory: the file is named by the
                        definition's export.filename pattern (e.g. 202603客户信息收集表.csv) in it.
                        '-' or none: stdout (xlsx only when stdout is not a terminal)
  --format <format>     csv, xlsx or jsonl. Default: from -o's extension (.csv, .xlsx, .jsonl,
                        .ndjson), else csv; a --format the extension contradicts is refused
  --policy <name>       the masking policy. Default: the form's 'export' policy if it has one;
                        personal (pii) fields are masked by their kind under any policy
  --role <role>         whom the export is for: fields the role may not read are left out, and a
                        role the policy reveals to sees plain values. Default: no role, so only the
                        fields every role may read, masked
  --locale <tag>        language of headers and option labels (zh-CN, zh-TW, en). Default: the form's
  --header <label|id>   column headers: field labels (default) or field ids
  --rows <group>        one line per row of this repeating group, instead of one per record
  -h, --help            this text

Output:
  A file appears only when complete: it is written to a hidden '.<name>.<random>.partial' file in
  the same directory and renamed over the target at the end. On any failure that file is removed
  and an existing file of the target's name is left as it was. A device or named pipe
  (/dev/null) is written directly.
  On a terminal, stderr shows the count of records, records per second and the time taken;
  when stderr is a pipe or a file, nothing but errors is written to it.
  A line that is not JSON (or not an object) stops the export with its line number (and column,
  when known); its content is never printed, since records hold personal data.

Examples:
  formloom export --form customer-intake.json --in records.jsonl --role clerk -o records.csv
  formloom export --form customer-intake.json --in records.jsonl --role clerk -o exports/
  formloom export --form customer-intake.json --in records.jsonl --role clerk -o records.xlsx --locale en
  formloom export --form customer-intake.json --in records.jsonl --policy export --role reviewer \\
    --format jsonl | gzip > records.jsonl.gz
  zcat records.jsonl.gz | formloom export --form customer-intake.json --in - --format xlsx > out.xlsx

Exit codes:
  0  the export was written
  1  the input has problems: the definition has errors, or a record line is not JSON, not an
     object, or a record of another form
  2  the command line is wrong: a missing --form or --in, an unknown option or format, a role,
     policy, locale or group the form does not have
  3  a file could not be read or written: a missing --in file, an output directory that does not
     exist, a full disk
`;
