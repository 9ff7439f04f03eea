"""asyncio.wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout."""
import asyncio


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [asyncio.create_task(job(f"j{i}", i * 0.5 + 0.5), name=f"j{i}") for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.6)
    print("after timeout:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(tasks)
    print("all:", names(done), [t.result() for t in tasks])
    bad = [asyncio.create_task(job("b0", 1), name="b0"),
           asyncio.create_task(job("b1", 0.5, fail=True), name="b1")]
    done, pending = await asyncio.wait(bad, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), "pending:", names(pending))
    print(repr(bad[1].exception()))
    await asyncio.wait(pending)


asyncio.run(main())
