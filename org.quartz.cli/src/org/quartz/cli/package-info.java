package org.quartz.cli;
