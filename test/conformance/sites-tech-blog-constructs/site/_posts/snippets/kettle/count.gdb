set $t = 3
print $t * 2
