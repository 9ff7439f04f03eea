"""time.sleep inside coroutines: the loop is blocked, timers fire late, in deadline order."""
import asyncio
import time

loop_time = None


def stamp(text):
    print(f"{loop_time():.3f} {asyncio.current_task().get_name()} {text}")


async def ticker():
    for n in range(1, 5):
        await asyncio.sleep(0.25)
        stamp(f"tick {n}")


async def cpu_work():
    await asyncio.sleep(0.3)
    stamp("starts a blocking call")
    time.sleep(1)
    stamp("blocked until now")
    time.sleep(0)  # a zero sleep blocks nothing
    stamp("and again, without waiting")


async def waiter(q):
    item = await q.get()
    stamp(f"got {item} (put at 0.1, but the loop was blocked)")


async def main():
    global loop_time
    loop_time = asyncio.get_running_loop().time
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(ticker(), name="ticker")
        tg.create_task(cpu_work(), name="cpu")
        tg.create_task(waiter(q), name="waiter")
        await asyncio.sleep(0.1)
        time.sleep(0.5)  # main blocks too: everyone's timers are late
        q.put_nowait("x")
        stamp("put x")
    try:
        time.sleep(-1)
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
