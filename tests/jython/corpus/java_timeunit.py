# TimeUnit conversions truncate as Java's do
from java.util.concurrent import TimeUnit

print(TimeUnit.SECONDS)
print(TimeUnit.SECONDS.toMillis(3))
print(TimeUnit.MILLISECONDS.toSeconds(4500))
print(TimeUnit.MINUTES.toSeconds(2))
print(TimeUnit.HOURS.toMinutes(1))
print(TimeUnit.DAYS.toHours(2))
print(TimeUnit.NANOSECONDS.toMicros(1999))
print(TimeUnit.MILLISECONDS.convert(2, TimeUnit.SECONDS))
print(TimeUnit.SECONDS.name())
print(TimeUnit.valueOf("HOURS"))
print(TimeUnit.valueOf("SECONDS") == TimeUnit.SECONDS)
