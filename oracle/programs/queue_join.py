"""Queue: workers with task_done, the producer joins the queue."""
import asyncio


async def worker(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(item / 10)
        print(name, "did", item)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(3)]
    for item in [3, 1, 4, 1, 5, 9, 2, 6]:
        await queue.put(item)
        print("put", item, "size", queue.qsize())
    await queue.join()
    print("all done, unfinished:", queue._unfinished_tasks)
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
