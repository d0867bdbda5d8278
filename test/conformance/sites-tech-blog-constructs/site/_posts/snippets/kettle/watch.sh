sleep 2
echo "kettle: done" | tr a-z A-Z
