"""The loop's own callbacks: call_soon, call_later, call_at, a future set by a callback."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_result, "from call_later")
    loop.call_soon(print, "call_soon runs first")
    handle = loop.call_later(0.2, print, "never: cancelled")
    loop.call_at(loop.time() + 0.3, print, "call_at at 0.3")
    handle.cancel()
    print("waiting for the future")
    print(await fut)
    print("current task:", asyncio.current_task().get_name(), len(asyncio.all_tasks()))


asyncio.run(main())
