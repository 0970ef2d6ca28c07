# Thread(runnable).start() and join(); Thread.sleep
from java.lang import Runnable, Thread


class Job(Runnable):
    def __init__(self, n):
        self.n = n

    def run(self):
        print("job " + str(self.n))


t = Thread(Job(1))
t.start()
t.join()
print(t.isAlive())
print(t.getState())


def plain():
    print("function target")


t2 = Thread(plain, "worker-2")
t2.start()
t2.join()
print(t2.getName())
Thread.sleep(1)
print(Thread.interrupted())
