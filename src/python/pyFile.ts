/** A Python program from a file (.py) and to a file: text in UTF-8, LF line ends. */

/** Files bigger than this are not opened (a program, not a data set). */
export const MAX_PY_FILE_BYTES = 1 << 20;

export async function readPythonFile(file: File): Promise<string> {
  if (file.size > MAX_PY_FILE_BYTES)
    throw new Error(
      `it is ${Math.ceil(file.size / 1024)} kB; a program of up to 1 MB can be opened`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error('it is not a text file in UTF-8');
  }
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

export function savePythonFile(source: string, name = 'asyncio_program.py'): void {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/x-python' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
