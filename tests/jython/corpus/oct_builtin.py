print oct(8), oct(0), oct(-8), hex(255)
