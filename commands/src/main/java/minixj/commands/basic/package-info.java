/** Small commands in one program, chosen by the name they are run as: true, false, echo. */
package minixj.commands.basic;
