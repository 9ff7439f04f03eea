"""Printing in pieces, with sep and end, to stderr too, and no final newline."""
import asyncio
import sys


async def main():
    print("a", "b", sep="-", end="")
    await asyncio.sleep(0.1)
    print(" then c")
    print("to stderr", file=sys.stderr)
    sys.stdout.write("multi\nline\n")
    print("no newline at the end", end="")


asyncio.run(main())
