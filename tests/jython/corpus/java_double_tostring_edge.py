# Double.toString around the decimal/scientific switch
from java.lang import Double, String

for v in [
    9999999.0,
    10000000.0,
    0.001,
    0.00099,
    1.5e-7,
    123.456,
    2.0 / 3,
    1e21,
    1e22,
    5e-324,
    100.0,
    3.0e15,
]:
    print(Double.toString(v))
print(String.valueOf(0.1 * 3))
