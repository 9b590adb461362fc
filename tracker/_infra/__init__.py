"""Private infrastructure: the content-keyed `cache`, atomic `files`, the process `pool`."""
