# Steps the user count 1 -> 2 -> 4 -> 8, five seconds each, against the loopback lab.
from locust import HttpUser, LoadTestShape, constant, task

class Browse(HttpUser):
    wait_time = constant(0.05)

    @task(4)
    def items(self):
        self.client.get("/api/items")

    @task(1)
    def slow(self):
        self.client.get("/api/slow")

    @task(1)
    def error(self):
        self.client.get("/api/error")

class Steps(LoadTestShape):
    levels = [(5, 1), (10, 2), (15, 4), (20, 8)]

    def tick(self):
        t = self.get_run_time()
        for end, users in self.levels:
            if t < end:
                return (users, 10)
        return None
