# JDK 17 prints large integral doubles with (nearly) all their digits
from java.lang import Double
for v in [1.2345678901234567e18, 9.007199254740993e15, 2.0**53+2, 2.0**60, 3.0e17+64, 1.0e18, 123456789012345678.0, 2.0**62*1.5, 4.5066525450935208E16, 9.2e18, 1.0e19]:
    print(Double.toString(v))
