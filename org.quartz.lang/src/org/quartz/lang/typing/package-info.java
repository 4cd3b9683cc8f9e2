package org.quartz.lang.typing;
