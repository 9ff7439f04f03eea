"""Queue: put_nowait / get_nowait, QueueFull and QueueEmpty, task_done too many times."""
import asyncio


async def main():
    queue = asyncio.Queue(maxsize=2)
    queue.put_nowait("a")
    queue.put_nowait("b")
    try:
        queue.put_nowait("c")
    except asyncio.QueueFull:
        print("full:", queue.full(), queue.qsize())
    print(queue.get_nowait(), queue.get_nowait())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("empty:", queue.empty())
    queue.task_done()
    queue.task_done()
    try:
        queue.task_done()
    except ValueError as error:
        print(error)


asyncio.run(main())
