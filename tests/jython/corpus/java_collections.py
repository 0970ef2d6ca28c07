# Collections: sort (natural and with a comparator), reverse, max, min, frequency
from java.util import ArrayList, Collections, Comparator

a = ArrayList([5, 3, 9, 1, 3])
Collections.sort(a)
print(a)
Collections.reverse(a)
print(a)
print(Collections.max(a))
print(Collections.min(a))
print(Collections.frequency(a, 3))


class ByLastDigitDesc(Comparator):
    def compare(self, x, y):
        return (y % 10) - (x % 10)


b = ArrayList([12, 5, 31, 27])
Collections.sort(b, ByLastDigitDesc())
print(b)
Collections.swap(b, 0, 3)
print(b)
print(Collections.nCopies(3, "ab"))
print(Collections.emptyList())
print(Collections.singletonList(7))
